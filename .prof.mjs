import { createCanvas } from '@napi-rs/canvas'
for (const [w,h] of [[10,10],[270,40],[540,80],[810,120]]) {
  const c = createCanvas(w,h); const ctx=c.getContext('2d'); ctx.fillRect(0,0,5,5)
  for (const name of ['getImageData','data']) {
    let t=performance.now(); for(let i=0;i<3000;i++){ if(name==='data') c.data(); else ctx.getImageData(0,0,w,h) } 
    console.log(w,h,name,((performance.now()-t)/3).toFixed(1),'us')
  }
}
const c = createCanvas(270,40); const ctx=c.getContext('2d', {alpha:false}); 
let t=performance.now(); for(let i=0;i<3000;i++){ ctx.getImageData(0,0,270,40) } console.log('alpha:false', ((performance.now()-t)/3).toFixed(1))
