export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  main() {
    document.documentElement.dataset.pipelineScout = 'ready';
  },
});
