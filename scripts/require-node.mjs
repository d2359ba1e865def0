// Stops the command at once, with one line, on a Node older than package.json's `engines.node`. Imported
// first by the `npm start`, `npm run dev` and `npm test` entries (npm checks no engines for `npm run`);
// `npm install` is stopped by npm itself, through engine-strict in .npmrc.
import { nodeVersionProblem, requiredNodeRange } from './node-version.mjs'

const problem = nodeVersionProblem(process.versions.node, requiredNodeRange())
if (problem) {
  console.error(problem)
  process.exit(1)
}
