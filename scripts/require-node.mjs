// Stops the command at once, with one line, on a Node older than package.json's `engines.node`:
// run by `npm install` (preinstall) and imported first by the `npm start`, `npm run dev` and `npm test` entries.
import { nodeVersionProblem, requiredNodeRange } from './node-version.mjs'

const problem = nodeVersionProblem(process.versions.node, requiredNodeRange())
if (problem) {
  console.error(problem)
  process.exit(1)
}
