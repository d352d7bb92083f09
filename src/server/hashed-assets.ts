// The files of a bundle built with content-hashed names (the IDE's, the explorer's): cached
// for a year, since a changed file is a new URL; a name the bundle lacks is a plain 404
// saying what to do, not Express's HTML page.
import express, { type RequestHandler } from "express";

export function hashedAssets(dir: string, bundle: string): RequestHandler[] {
  return [
    express.static(dir, {
      index: false,
      redirect: false,
      immutable: true,
      maxAge: "365d",
      setHeaders: (res) => res.setHeader("x-content-type-options", "nosniff"),
    }),
    (_req, res) => void res.status(404).type("text/plain").send(`No such ${bundle} file. The page may be older than the bundle: reload it.\n`),
  ];
}
