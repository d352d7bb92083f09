import type { Store } from "../store/store.js";
import { createLoaders, type Loaders } from "./loaders.js";

/** What every resolver receives: the store, and this request's loaders. */
export interface GraphQLContext {
  store: Store;
  loaders: Loaders;
}

export function createContext(store: Store): GraphQLContext {
  return { store, loaders: createLoaders(store) };
}
