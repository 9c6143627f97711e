import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioText } from '../index.ts';
import { ApiError } from './api-error.ts';

/** Names of bundled scenarios: a file name without `.yaml`, never a path. */
export const SCENARIO_NAME = /^[a-z0-9][a-z0-9-]*$/;

export interface ScenarioListing {
  readonly name: string;
  /** The scenario's `name` field. */
  readonly title: string;
  readonly description: string;
}

/** The bundled scenarios: `NAME.yaml` files in one directory, read by name only. */
export class ScenarioLibrary {
  /** Listings by file text: validating every file on every request would be wasted work. */
  private readonly listings = new Map<string, ScenarioListing>();

  constructor(private readonly dir: string) {}

  list(): ScenarioListing[] {
    return this.names().map((name) => {
      const text = this.text(name);
      const key = `${name}\n${text}`;
      const cached = this.listings.get(key);
      if (cached !== undefined) return cached;
      const loaded = loadScenarioText(text);
      const listing = loaded.ok
        ? {
            name,
            title: loaded.value.scenario.name,
            description: loaded.value.scenario.description ?? '',
          }
        : { name, title: name, description: '' };
      this.listings.set(key, listing);
      return listing;
    });
  }

  /** The text of a bundled scenario: 400 for a path-like name, 404 for an unknown one. */
  text(name: string, path = 'name'): string {
    if (!SCENARIO_NAME.test(name)) {
      throw new ApiError(400, 'invalid scenario name', [
        { path, message: `must match ${SCENARIO_NAME.source}: a bundled scenario, not a path` },
      ]);
    }
    const file = join(this.dir, `${name}.yaml`);
    if (!existsSync(file)) {
      const known = this.names().join(', ');
      throw new ApiError(404, 'no such scenario', [
        { path, message: `no bundled scenario '${name}' (bundled: ${known})` },
      ]);
    }
    return readFileSync(file, 'utf8');
  }

  /** Bundled names, sorted; files whose names could not be asked for are left out. */
  private names(): string[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -'.yaml'.length))
      .filter((name) => SCENARIO_NAME.test(name))
      .sort();
  }
}
