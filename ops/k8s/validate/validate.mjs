// Validates Kubernetes manifests against the API's JSON schemas bundled in the npm package kubernetes-models
// (offline: the schemas ship inside the package). Usage: node validate.mjs FILE.yaml...
// Prints one line per document; exits 1 if any document is invalid or of a kind the package does not know.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

let failed = false;
for (const file of process.argv.slice(2)) {
  for (const parsed of parseAllDocuments(readFileSync(file, "utf8"))) {
    const doc = parsed.toJS();
    if (doc === null) {
      continue;
    }
    const where = `${file}: ${doc.kind} ${doc.metadata?.name}`;
    // apiVersion "v1" is the core group; "apps/v1" is group apps, version v1: the package's module paths.
    const modulePath = `kubernetes-models/${doc.apiVersion}/${doc.kind}`;
    let Model;
    try {
      Model = (await import(modulePath))[doc.kind];
    } catch (e) {
      console.log(`${where}: no schema for ${doc.apiVersion} ${doc.kind}`);
      failed = true;
      continue;
    }
    try {
      new Model(doc).validate();
      console.log(`${where}: valid`);
    } catch (e) {
      console.log(`${where}: INVALID ${e.message}`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
