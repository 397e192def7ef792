import { SqliteStore } from "../../src/store/sqlite.js";
import { storeSuite } from "./suite.js";

storeSuite("SQLite in memory", async () => new SqliteStore(":memory:"));
