export default defineBackground(() => {
  void browser.scripting.registerContentScripts([
    {
      id: 'generic',
      js: ['content-scripts/content.js'],
      matches: ['http://127.0.0.1/*'],
      runAt: 'document_idle',
    },
  ]);
});
