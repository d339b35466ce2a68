// Drives the backend's MCP server with the official MCP TypeScript SDK client (npm
// @modelcontextprotocol/sdk, streamable HTTP), as an external AI tool would: the refusal without a
// token, the five tools and their schemas, each tool called, structured output (which the client
// itself validates against each tool's outputSchema), isolation between two users, argument errors.
// Usage: MCP_URL=http://127.0.0.1:8001/mcp TOKEN_A=… TOKEN_B=… node tests/mcp-client/check-server.mjs
// Prints "ok - …" per check; on the first failure "not ok - …" with the reason, exit code 1.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";
import assert from "node:assert/strict";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(path.join(root, "tools/node/node_modules/"));
const { Client } = require("@modelcontextprotocol/sdk/client/index.js");
const { StreamableHTTPClientTransport } = require("@modelcontextprotocol/sdk/client/streamableHttp.js");

const url = new URL(process.env.MCP_URL);
let checks = 0;
async function check(description, body) {
  try {
    await body();
  } catch (error) {
    console.log(`not ok - ${description}: ${error?.stack ?? error}`);
    process.exit(1);
  }
  checks++;
  console.log(`ok - ${description}`);
}

async function connect(token) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  const client = new Client({ name: "todo-chatbot-ci", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers } }));
  return client;
}
const text = result => JSON.parse(result.content.find(block => block.type === "text").text);

await check("no token: the connection is refused with 401", async () => {
  await assert.rejects(connect(undefined), error => String(error).includes("401"));
});
await check("a forged token: refused with 401", async () => {
  await assert.rejects(connect("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."), error => String(error).includes("401"));
});

const alice = await connect(process.env.TOKEN_A);
const bob = await connect(process.env.TOKEN_B);

await check("five tools with the contract's parameters and an output schema each", async () => {
  const { tools } = await alice.listTools();
  const byName = Object.fromEntries(tools.map(tool => [tool.name, tool]));
  assert.deepEqual(Object.keys(byName).sort(), ["add_task", "complete_task", "delete_task", "list_tasks", "update_task"]);
  const parameters = name => Object.keys(byName[name].inputSchema.properties ?? {}).sort();
  assert.deepEqual(parameters("add_task"), ["description", "title"]);
  assert.deepEqual(byName.add_task.inputSchema.required, ["title"]);
  assert.deepEqual(parameters("list_tasks"), ["status"]);
  for (const name of ["complete_task", "delete_task"]) {
    assert.deepEqual(parameters(name), ["task_id"]);
    assert.equal(byName[name].inputSchema.properties.task_id.type, "integer");
  }
  assert.deepEqual(parameters("update_task"), ["description", "task_id", "title"]);
  for (const tool of tools) assert.equal(tool.outputSchema?.type, "object", `${tool.name}'s outputSchema`);
  // This client speaks a protocol version before 2026-07-28: list_tasks' array comes inside {result}.
  assert.equal(byName.list_tasks.outputSchema.properties.result.type, "array");
  for (const name of ["add_task", "complete_task", "delete_task", "update_task"])
    assert.deepEqual([...byName[name].outputSchema.required].sort(), ["status", "task_id", "title"]);
});

await check("add_task: structured content {task_id, status: created, title}, the same as the text", async () => {
  const result = await alice.callTool({ name: "add_task", arguments: { title: "Buy groceries", description: "milk" } });
  assert.equal(result.isError ?? false, false);
  assert.deepEqual(result.structuredContent, { task_id: 1, status: "created", title: "Buy groceries" });
  assert.deepEqual(text(result), result.structuredContent);
});
await check("list_tasks: structured content {result: [{id, title, completed}]}", async () => {
  const result = await alice.callTool({ name: "list_tasks", arguments: { status: "pending" } });
  assert.deepEqual(result.structuredContent, { result: [{ id: 1, title: "Buy groceries", completed: false }] });
  assert.deepEqual(text(result), result.structuredContent.result);
});
await check("update_task and complete_task act on the user's task 1", async () => {
  const updated = await alice.callTool({ name: "update_task", arguments: { task_id: 1, title: "Buy bread" } });
  assert.deepEqual(updated.structuredContent, { task_id: 1, status: "updated", title: "Buy bread" });
  const completed = await alice.callTool({ name: "complete_task", arguments: { task_id: 1 } });
  assert.deepEqual(completed.structuredContent, { task_id: 1, status: "completed", title: "Buy bread" });
});
await check("another user's task number answers isError with not_found, and their list is untouched", async () => {
  for (const title of ["Bob's first", "Bob's second"]) await bob.callTool({ name: "add_task", arguments: { title } });
  const result = await alice.callTool({ name: "delete_task", arguments: { task_id: 2 } });
  assert.equal(result.isError, true);
  assert.equal(result.structuredContent, undefined);
  assert.equal(text(result).code, "not_found");
  const bobs = await bob.callTool({ name: "list_tasks", arguments: {} });
  assert.deepEqual(bobs.structuredContent.result.map(task => task.title), ["Bob's first", "Bob's second"]);
});
await check("a mistyped or missing argument is named, with what is expected", async () => {
  const mistyped = await alice.callTool({ name: "complete_task", arguments: { task_id: "abc" } });
  assert.equal(mistyped.isError, true);
  assert.deepEqual(text(mistyped), { error: 'task_id must be a whole number (a task number such as 3), not "abc".', code: "invalid_argument" });
  const missing = await alice.callTool({ name: "add_task", arguments: {} });
  assert.equal(missing.isError, true);
  assert.equal(text(missing).error, "title is required.");
});
await check("an unknown tool is a JSON-RPC error -32602", async () => {
  await assert.rejects(alice.callTool({ name: "drop_everything", arguments: {} }), error => error.code === -32602);
});
await check("delete_task removes it", async () => {
  const deleted = await alice.callTool({ name: "delete_task", arguments: { task_id: 1 } });
  assert.deepEqual(deleted.structuredContent, { task_id: 1, status: "deleted", title: "Buy bread" });
  const left = await alice.callTool({ name: "list_tasks", arguments: {} });
  assert.deepEqual(left.structuredContent, { result: [] });
});

await alice.close();
await bob.close();
console.log(`${checks} checks passed`);
