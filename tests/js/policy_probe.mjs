// Whether the page may run an inline script and compile WebAssembly (these bytes), as its policy allows.
export default async (bytes) => {
  const script = document.createElement("script");
  script.textContent = "window.inlineScriptRan = true";
  document.head.append(script);
  const wasm = await WebAssembly.compile(new Uint8Array(bytes)).then(
    () => true,
    () => false,
  );
  return { inline: window.inlineScriptRan === true, wasm };
};
