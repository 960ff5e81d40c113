// The theme's storage key and the script that applies it before the first paint (a plain module: the layout, a server component, inlines the script).
export const THEME_KEY = "hexathon-theme";
/** Runs in <head> before anything is painted: no flash of the wrong theme. The projector keeps its own dark look. */
export const THEME_SCRIPT = `(function(){try{var c=localStorage.getItem("${THEME_KEY}")||"system";var d=c==="dark"||(c==="system"&&matchMedia("(prefers-color-scheme: dark)").matches);if(d&&location.pathname.indexOf("/display/")!==0)document.documentElement.dataset.theme="dark";}catch(e){}})();`;

/** Without JavaScript, the header's signed-out links are shown at once (app/layout.tsx). */
export const NOSCRIPT_STYLE = ".visitor-pending{visibility:visible!important}";
