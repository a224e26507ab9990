/**
 * Keeps an input's value in the page's URL (?key=value), so a reader can send the exact view to a colleague: the
 * input starts from the URL, each change adds a history entry, and the back button restores the previous value.
 * Lists are written comma-separated and numbers as numbers, following the input's initial value.
 */
export function shareable(input, key) {
  const initial = input.value;
  const write = (value) => (Array.isArray(value) ? value.join(",") : String(value));
  const read = (text) => (Array.isArray(initial) ? (text ? text.split(",") : []) : typeof initial === "number" ? +text : text);
  const fromUrl = () => new URLSearchParams(location.search).get(key);

  const restore = () => {
    const text = fromUrl();
    const value = text === null ? initial : read(text);
    if (write(value) === write(input.value)) return false;
    input.value = value;
    return true;
  };
  restore();
  input.addEventListener("input", () => {
    if (fromUrl() === write(input.value)) return;
    const url = new URL(location.href);
    url.searchParams.set(key, write(input.value));
    history.pushState(null, "", url);
  });
  addEventListener("popstate", () => {
    if (restore()) input.dispatchEvent(new Event("input", {bubbles: true}));
  });
  return input;
}
