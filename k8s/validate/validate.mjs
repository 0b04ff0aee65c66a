// Validates Kubernetes objects offline against the API schemas of kubernetes-models (no cluster needed).
//
//   kubectl kustomize k8s/overlays/prod | node k8s/validate/validate.mjs
//   node k8s/validate/validate.mjs rendered.yaml [more.yaml ...]
//
// Prints one line per object (`ok Kind/name`, `INVALID Kind/name: why`, `UNKNOWN Kind/name: ...` for kinds the
// models do not have, such as an operator's custom resources: reported, never passed silently), then a summary line
// `N objects: N valid, N invalid, N unknown`. Exits 0 only when every object is valid and there is at least one.
// Limits: kubernetes-models checks types, required fields and formats; like the API's own schemas it does not
// reject unknown fields (the deployment tests check the fields the platform relies on).
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const text = process.argv.length > 2
  ? process.argv.slice(2).map((f) => readFileSync(f, "utf8")).join("\n---\n")
  : readFileSync(0, "utf8");

const documents = parseAllDocuments(text);
let valid = 0, invalid = 0, unknown = 0;

/** The module of an apiVersion: `v1` → kubernetes-models/v1, `apps/v1` → kubernetes-models/apps/v1. */
async function modelClass(apiVersion, kind) {
  if (!/^([a-z0-9.-]+\/)?v[0-9]+((alpha|beta)[0-9]+)?$/.test(apiVersion ?? "")) return undefined;
  try {
    const module = await import(`kubernetes-models/${apiVersion}`);
    return module[kind];
  } catch {
    return undefined;
  }
}

for (const document of documents) {
  if (document.errors.length > 0) {
    invalid++;
    console.log(`INVALID yaml: ${document.errors.map((e) => e.message).join("; ")}`);
    continue;
  }
  const object = document.toJS();
  if (object === null || object === undefined) continue; // an empty document between separators
  const name = `${object.kind ?? "?"}/${object.metadata?.name ?? "?"} (${object.apiVersion ?? "no apiVersion"})`;
  const Model = await modelClass(object.apiVersion, object.kind);
  if (typeof Model !== "function" || typeof Model.prototype.validate !== "function") {
    unknown++;
    console.log(`UNKNOWN ${name}: no schema in kubernetes-models (a custom resource?)`);
    continue;
  }
  try {
    new Model(object).validate();
    valid++;
    console.log(`ok ${name}`);
  } catch (error) {
    invalid++;
    console.log(`INVALID ${name}: ${error.message}`);
  }
}

const total = valid + invalid + unknown;
console.log(`${total} objects: ${valid} valid, ${invalid} invalid, ${unknown} unknown`);
process.exit(total > 0 && invalid === 0 && unknown === 0 ? 0 : 1);
