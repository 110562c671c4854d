// The baseline for bench:ingest: Koa reading and parsing the same request bodies, storing nothing.
import Koa from "koa";
import getRawBody from "raw-body";

const app = new Koa();
app.use(async (ctx) => {
  const body = await getRawBody(ctx.req, { limit: 1024 * 1024, encoding: "utf8" });
  JSON.parse(body);
  ctx.body = {};
});
const server = app.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(JSON.stringify({ url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}` }));
});
