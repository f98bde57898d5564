/**
 * The only script a portal page rendered on the server loads at first (a few hundred bytes).
 *
 * The page arrives as HTML with its data: a visitor reads it, and follows its links (plain links to
 * other server-rendered pages) without any JavaScript. The app — React, antd and the page's code, the
 * bulk of the bytes and of a phone's CPU time — is loaded:
 * - at once for a signed-in user (their view differs from the visitor's: the app draws it), and
 * - for a visitor, at the first sign of interaction (a touch, a pointer pressed, a key, a focus), and
 *   then hydrates the HTML in place. A click on something that needs the app (a tab, the menu, a filter)
 *   or Enter in the search page's box, made before it is ready, is held and replayed once it has
 *   hydrated; a search typed into the home page's box before then is sent as a plain form.
 *
 * The server writes the app's entry into `data-entry` (apps/api/src/http/web-ui.ts reads it from Vite's manifest).
 */
const TOKEN_KEY = 'smedx.accessToken'; // as in api.ts (not imported: this script stays tiny)
const HYDRATED_EVENT = 'smedx:hydrated'; // as in root.tsx

const script = document.getElementById('smedx-boot') as HTMLScriptElement | null;
const entry = script?.dataset.entry;

if (entry) {
  let started = false;
  let hydrated = false;
  let held: Element | null = null;
  const start = () => {
    if (started) return;
    started = true;
    void import(/* @vite-ignore */ entry);
  };
  const signedIn = (() => {
    try {
      return !!localStorage.getItem(TOKEN_KEY);
    } catch {
      return false;
    }
  })();
  if (signedIn) {
    // The visitor's page the server sent is not theirs: the page's inline script in <head> hid it
    // before it was drawn (apps/api/src/http/web-ui.ts); main.tsx shows the user's own.
    start();
  } else {
    for (const type of ['pointerdown', 'touchstart', 'keydown', 'focusin']) {
      window.addEventListener(type, start, { capture: true, once: true, passive: true });
    }
    const hold = (event: MouseEvent) => {
      if (hydrated || !(event.target instanceof Element)) return;
      // A plain link is followed as it is: the next page is rendered on the server too.
      const link = event.target.closest('a[href]');
      if (link) return;
      event.preventDefault();
      event.stopPropagation();
      held = event.target;
      start();
    };
    // Enter in a field that is not a plain form's (the search page's box) needs the app too: held and replayed.
    let enter: Element | null = null;
    const holdEnter = (event: KeyboardEvent) => {
      if (hydrated || event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
      if (event.target.form?.hasAttribute('action')) return;
      event.preventDefault();
      event.stopPropagation();
      enter = event.target;
      start();
    };
    document.addEventListener('click', hold, true);
    document.addEventListener('keydown', holdEnter, true);
    window.addEventListener(HYDRATED_EVENT, () => {
      hydrated = true;
      document.removeEventListener('click', hold, true);
      document.removeEventListener('keydown', holdEnter, true);
      const [target, field] = [held, enter];
      held = enter = null;
      // Dispatched, not `.click()`: the target may be an icon's SVG, which has no click method.
      if (target?.isConnected) target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
      if (field?.isConnected)
        field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
    });
  }
}
