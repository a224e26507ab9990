/** npm run build [-- --corpus <dir>]: the tables written from the corpus, then Framework's build, all offline. */
import {spawn} from "node:child_process";
import {join} from "node:path";
import {writeNotebooks} from "./notebooks.ts";
import {parseSiteArgs, prepareSite} from "./prepare-site.ts";

const root = process.cwd();
const command = parseSiteArgs(process.argv.slice(2));
await prepareSite(root, command);
const build = spawn("observable", ["build", ...command.frameworkArgs], {stdio: "inherit", env: command.env});
build.on("exit", async (code, signal) => {
  if (code === 0) await writeNotebooks({src: join(root, "src"), dist: join(root, "dist")});
  process.exit(code ?? (signal ? 1 : 0));
});
