import { render } from 'preact';
render(<h1>Pipeline Scout popup</h1>, document.getElementById('app')!);
