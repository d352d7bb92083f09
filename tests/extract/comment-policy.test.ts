import { describe, expect, it } from "vitest";
import { isCommentPolicy } from "../../src/extract/comment-policy.js";

describe("isCommentPolicy", () => {
  it("recognises a comment section's rules as outlets print them", () => {
    for (const line of [
      "Comments are moderated and may take up to 24 hours to appear.",
      "We welcome your comments. Comments that are abusive or off-topic will be removed.",
      "Commenting is closed for this story.",
      "Please keep comments civil and on-topic. Read our community guidelines.",
      "You must be logged in to comment.",
      "By commenting, you agree to our terms of use.",
      "Comments on this article are closed",
    ]) expect(isCommentPolicy(line), line).toBe(true);
  });

  it("keeps a sentence of reporting about comments", () => {
    for (const line of [
      "Residents left more than 300 comments on the ferry plan, many of them abusive, the clerk said.",
      "The council closed the public comment period on Friday.",
      "“We read every comment, even the rude ones,” Mayor Luis Ortega told reporters.",
      "The harbour board removed the comments section from its website in 2023 after a flood of offensive posts.",
    ]) expect(isCommentPolicy(line), line).toBe(false);
  });
});
