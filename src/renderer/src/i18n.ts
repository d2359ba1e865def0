import type { AppInfo, ErrorCode, Language } from '../../shared/ipc-contract'
import { STRENGTH_EN, STRENGTH_ZH } from './strength-texts'

export type Lang = Language

const zh = {
  title: '登录',
  signInTitle: '登录',
  signUpTitle: '注册新账号',
  username: '用户名',
  password: '密码',
  confirm: '确认密码',
  captcha: '验证码',
  captchaAlt: '验证码图片',
  captchaRefresh: '换一张验证码',
  captchaRefreshHint: '看不清？换一张',
  captchaListen: '播放语音验证码',
  captchaListenHint: '收听 6 位数字验证码，再按一次重播',
  captchaListenBusy: '正在加载语音验证码…',
  captchaAudioHint: '看不清图片时，可按“播放语音验证码”按钮收听 6 位数字，再按一次可重播；将听到的数字填入此处。',
  audioLoadFailed: '语音验证码加载或播放失败，请再按一次播放按钮。',
  submitSignIn: '登录',
  submitSignUp: '注册',
  busy: '请稍候…',
  toSignUp: '没有账号？注册',
  toSignIn: '已有账号？登录',
  welcome: '欢迎，',
  signedIn: '你已登录。',
  signOut: '退出登录',
  required: '请填写此项。',
  mismatch: '两次输入的密码不一致。',
  captchaLoadFailed: '验证码加载失败，请点击图片重试。',
  language: '语言',
  showPassword: '显示密码',
  capsLock: '大写锁定已开启',
  lockedFor: (wait: string) => `尝试次数过多，请在 ${wait} 后重试。`,
  databaseResetTitle: '账号数据文件已损坏',
  databaseResetBody: '该文件无法读取，应用已改用一个新的空数据文件启动，之前的账号需要重新注册。损坏的文件已保留（未删除），位于：',
  about: (info: AppInfo) =>
    `版本 ${info.version} · Electron ${info.versions.electron} · Chromium ${info.versions.chrome} · Node ${info.versions.node}`,
  errors: {
    INVALID_INPUT: '输入无效，请检查后重试。',
    CAPTCHA_INVALID: '验证码错误或已过期，请重新输入。',
    BAD_CREDENTIALS: '用户名或密码错误。',
    USERNAME_TAKEN: '该用户名已被注册。',
    USERNAME_RULES: '用户名须为 3–32 个字母、数字或 . _ - 字符。',
    PASSWORD_RULES: '密码长度须为 8–128 个字符。',
    LOCKED: '尝试次数过多，账号已暂时锁定。',
    FORBIDDEN: '此页面无权访问。',
    INTERNAL: '出错了，请重试。',
    BUSY: '系统繁忙，请稍后重试。',
    PASSWORD_COMMON: '这个密码在常用或已泄露的密码列表中，很容易被猜到，请换一个。',
    PASSWORD_HAS_USERNAME: '密码不能包含用户名。'
  } satisfies Record<ErrorCode, string>,
  strength: STRENGTH_ZH
}

export type Messages = typeof zh

const en: Messages = {
  title: 'Sign in',
  signInTitle: 'Sign in',
  signUpTitle: 'Create an account',
  username: 'Username',
  password: 'Password',
  confirm: 'Confirm password',
  captcha: 'Captcha',
  captchaAlt: 'Captcha image',
  captchaRefresh: 'New captcha image',
  captchaRefreshHint: "Can't read it? Get another",
  captchaListen: 'Play audio captcha',
  captchaListenHint: 'Listen to a 6-digit captcha; press again to replay',
  captchaListenBusy: 'Loading audio captcha…',
  captchaAudioHint:
    'If you cannot see the image, press the "Play audio captcha" button to hear 6 digits (press it again to replay), then type the digits here.',
  audioLoadFailed: 'The audio captcha could not be loaded or played. Press the play button again.',
  submitSignIn: 'Sign in',
  submitSignUp: 'Sign up',
  busy: 'Please wait…',
  toSignUp: 'No account? Sign up',
  toSignIn: 'Have an account? Sign in',
  welcome: 'Welcome, ',
  signedIn: 'You are signed in.',
  signOut: 'Sign out',
  required: 'Please fill in this field.',
  mismatch: 'The passwords do not match.',
  captchaLoadFailed: 'The captcha could not be loaded. Click the image to retry.',
  language: 'Language',
  showPassword: 'Show password',
  capsLock: 'Caps Lock is on',
  lockedFor: (wait: string) => `Too many attempts. Try again in ${wait}.`,
  databaseResetTitle: 'The accounts file was damaged',
  databaseResetBody:
    'It could not be read, so the app has started with a new, empty one: accounts made before need to be created again. The damaged file was kept, not deleted, at:',
  about: (info: AppInfo) =>
    `Version ${info.version} · Electron ${info.versions.electron} · Chromium ${info.versions.chrome} · Node ${info.versions.node}`,
  errors: {
    INVALID_INPUT: 'The input is not valid. Please check it and try again.',
    CAPTCHA_INVALID: 'The captcha is wrong or has expired. Please type the new one.',
    BAD_CREDENTIALS: 'Wrong username or password.',
    USERNAME_TAKEN: 'That username is already taken.',
    USERNAME_RULES: 'Usernames are 3–32 letters, digits, ".", "_" or "-".',
    PASSWORD_RULES: 'Passwords are 8–128 characters long.',
    LOCKED: 'Too many attempts: this account is locked for a while.',
    FORBIDDEN: 'This page may not use the app.',
    INTERNAL: 'Something went wrong. Please try again.',
    BUSY: 'The app is busy. Please try again in a moment.',
    PASSWORD_COMMON: 'This password is on a list of common or leaked passwords, so it is easy to guess. Please choose another.',
    PASSWORD_HAS_USERNAME: 'The password must not contain the username.'
  },
  strength: STRENGTH_EN
}

/** Keys whose value is plain text: the ones index.html may name in data-i18n attributes. */
export type TextKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages]

export const MESSAGES: Record<Lang, Messages> = { 'zh-CN': zh, en }

/** The attributes index.html's data-i18n-<attr> set, at build time (html-at-build.ts) and at run time (texts.ts). */
export const TEXT_ATTRIBUTES = ['aria-label', 'title'] as const
