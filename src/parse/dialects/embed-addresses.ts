// Where a video or post that another tool embeds can be seen on the web. A deck embeds nothing from the network, so
// Slidev's `<Youtube>` and `<Tweet>`, HackMD's `{%youtube %}` (and its other embeds) and Hugo's `{{< youtube >}}` become links to these.

/** Each embed's address by its id, and the ids it takes: anything else is no id and makes no link. */
const ADDRESSES: Record<string, { id: RegExp; address: (id: string) => string }> = {
  youtube: { id: /^[\w-]{1,64}$/, address: (id) => `https://www.youtube.com/watch?v=${id}` },
  tweet: { id: /^[\w-]{1,64}$/, address: (id) => `https://x.com/i/status/${id}` },
  vimeo: { id: /^\d{1,20}$/, address: (id) => `https://vimeo.com/${id}` },
  gist: { id: /^[\w-]{1,64}\/[0-9a-f]{1,64}$/i, address: (id) => `https://gist.github.com/${id}` },
  // HackMD's slide hosts, by user and deck, and its PDFs and Figma files, by their own address.
  slideshare: { id: /^[\w.-]{1,100}\/[\w.-]{1,200}$/, address: (id) => `https://www.slideshare.net/${id}` },
  speakerdeck: { id: /^[\w.-]{1,100}\/[\w.-]{1,200}$/, address: (id) => `https://speakerdeck.com/${id}` },
  pdf: { id: /^https?:\/\/[^\s<>"'`]{1,280}$/i, address: (id) => id },
  figma: { id: /^https:\/\/(?:www\.)?figma\.com\/[^\s<>"'`]{1,280}$/i, address: (id) => id },
};

/** The address of an embed (`youtube`, `tweet`, `vimeo`, `gist`, `slideshare`, `speakerdeck`, `pdf`, `figma`) by its id, or undefined for another kind or an id it does not take. */
export function findEmbedAddress(kind: string, id: string): string | undefined {
  const known = Object.hasOwn(ADDRESSES, kind) ? ADDRESSES[kind]! : undefined;
  return known && known.id.test(id) ? known.address(id) : undefined;
}
