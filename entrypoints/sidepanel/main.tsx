import { render } from 'preact';
render(<h1>Pipeline Scout sidepanel</h1>, document.getElementById('app')!);
