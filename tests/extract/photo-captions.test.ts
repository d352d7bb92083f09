import { describe, expect, it } from "vitest";
import { readPhotoCaption } from "../../src/extract/photo-captions.js";

describe("readPhotoCaption", () => {
  it("reads a credit set after a bar, keeping the photographer aside", () => {
    expect(readPhotoCaption("Passengers board the ferry on Monday. | Photo: Mark Stone, The Harbour Ledger")?.credits).toEqual(["Mark Stone"]);
    expect(readPhotoCaption("Passengers board the ferry on Monday. | Mark Stone/The Harbour Ledger")?.credits).toEqual(["Mark Stone"]);
    expect(readPhotoCaption("Photo: Lena Berg | Nordpress")).not.toBeNull();
  });

  it("reads a credit in brackets, in the shapes outlets use", () => {
    expect(readPhotoCaption("Line workers repair a pole in Seaport. (TP Photo/Robert Lane, File)")?.credits).toEqual(["Robert Lane"]);
    expect(readPhotoCaption("Children read at the library. (Staff photo by Owen Hart)")?.credits).toEqual(["Owen Hart"]);
    expect(readPhotoCaption("(Image: Millbrook School District)")?.credits).toEqual(["Millbrook School District"]);
    expect(readPhotoCaption("Clam diggers work the flats. (Photo courtesy of the Department of Coastal Resources)")).not.toBeNull();
    expect(readPhotoCaption("The pier in 1962. [File photo]")).not.toBeNull();
    expect(readPhotoCaption("The pier at dawn. (Jane Roe/The Harbour Ledger)")?.credits).toEqual(["Jane Roe"]);
  });

  it("reads a line that is only a credit", () => {
    expect(readPhotoCaption("Photo courtesy of Harbour Ferries")).not.toBeNull();
    expect(readPhotoCaption("Staff photo by Owen Hart")?.credits).toEqual(["Owen Hart"]);
    expect(readPhotoCaption("PHOTO BY OWEN HART")).not.toBeNull();
    expect(readPhotoCaption("Image source, Harbour Ferries")).not.toBeNull();
    expect(readPhotoCaption("Credit...Owen Hart for The Harbour Ledger")).not.toBeNull();
  });

  it("keeps article sentences that mention a photo", () => {
    for (const line of [
      "A photo of the packed morning boat drew wide attention online in January.",
      "Residents posted photos of drifts taller than cars (photos below)",
      "The council released a photo of the cracked pillar (see photo).",
      "Photo by photo, the exhibition traces the pier's hundred years, curator Ana Costa said.",
      "Council approves winter ferry schedule | The Harbour Ledger",
    ]) expect(readPhotoCaption(line), line).toBeNull();
  });
});
