import type { Prisma } from "../generated/prisma/client.js";
import type { ArticleDraft } from "../ingest/types.js";
import { slugify } from "../ingest/names.js";
import type { Store } from "./open-store.js";
import { storyFeatures } from "../ingest/stories.js";
import { linkStatements } from "./link-statements.js";
import { linkStory } from "./link-story.js";
import { resolvePerson } from "./resolve-person.js";

export type SaveOutcome =
  | { status: "stored"; articleId: number; people: number; quotes: number }
  | { status: "duplicate"; articleId: number; matchedOn: "contentHash" | "url" };

/**
 * Stores one extracted article with its outlet, people, quotes and topics in a single
 * transaction: either all of it is in the archive afterwards or none of it is. An article
 * already stored (same content hash, or same url) is left as it is.
 */
export async function saveArticle(store: Store, draft: ArticleDraft): Promise<SaveOutcome> {
  return store.prisma.$transaction(async (tx) => {
    const existing = await tx.article.findFirst({
      where: { OR: [{ contentHash: draft.contentHash }, ...(draft.url ? [{ url: draft.url }] : [])] },
      select: { id: true, contentHash: true },
    });
    if (existing) {
      return { status: "duplicate", articleId: existing.id, matchedOn: existing.contentHash === draft.contentHash ? "contentHash" : "url" };
    }

    const outletId = draft.outlet ? (await upsertOutlet(tx, draft.outlet)).id : null;
    const features = storyFeatures({ id: draft.contentHash, publishedOn: draft.publishedOn, headline: draft.headline, body: draft.body, people: draft.people });
    const article = await tx.article.create({
      data: {
        outletId,
        headline: draft.headline,
        byline: draft.byline.length ? draft.byline.join(", ") : null,
        dateline: draft.dateline,
        standfirst: draft.standfirst,
        body: draft.body,
        publishedOn: draft.publishedOn,
        url: draft.url,
        contentHash: draft.contentHash,
        sourceFile: draft.file,
        storyFeatures: JSON.stringify(features),
      },
      select: { id: true },
    });

    const personIdByName = new Map<string, number>();
    for (const person of draft.people) personIdByName.set(person.name, await resolvePerson(tx, person));
    const mentionCounts = new Map<number, number>();
    for (const person of draft.people) {
      const id = personIdByName.get(person.name)!;
      mentionCounts.set(id, (mentionCounts.get(id) ?? 0) + Math.max(1, person.mentions));
    }
    if (mentionCounts.size) {
      await tx.mention.createMany({
        data: [...mentionCounts].map(([personId, count]) => ({ articleId: article.id, personId, count, publishedOn: draft.publishedOn })),
      });
    }

    if (draft.quotes.length) {
      await tx.quote.createMany({
        data: draft.quotes.map((q) => ({
          articleId: article.id,
          speakerId: q.speaker ? (personIdByName.get(q.speaker) ?? null) : null,
          text: q.text,
          position: q.position,
          publishedOn: draft.publishedOn,
          outletId,
        })),
      });
    }

    for (const topic of draft.topics) {
      const stored = await tx.topic.upsert({
        where: { slug: topic.slug },
        create: { slug: topic.slug, name: topic.name },
        update: {},
        select: { id: true },
      });
      await tx.articleTopic.create({
        data: { articleId: article.id, topicId: stored.id, score: topic.score, publishedOn: draft.publishedOn },
      });
    }

    await linkStatements(tx, article.id);
    await linkStory(tx, article.id, draft.publishedOn, features);

    return { status: "stored", articleId: article.id, people: mentionCounts.size, quotes: draft.quotes.length };
  });
}

type Tx = Prisma.TransactionClient;

// An outlet is found by its slug, so "The Moscow Times" and "the moscow times" are one outlet.
function upsertOutlet(tx: Tx, name: string) {
  const slug = slugify(name);
  return tx.outlet.upsert({ where: { slug }, create: { slug, name }, update: {}, select: { id: true } });
}
