// The estimator's own thread: building zxcvbn-ts' dictionaries takes ~0.5 s and a rating up to tens of
// milliseconds, which on the page's thread would freeze typing. Started when sign-up opens.
import { estimate } from './strength-estimator'

export interface StrengthRequest {
  id: number
  password: string
  userInputs: string[]
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<StrengthRequest>) => void) | null
  postMessage(message: unknown): void
}

scope.onmessage = ({ data }) => {
  scope.postMessage({ id: data.id, ...estimate(data.password, data.userInputs) })
}
