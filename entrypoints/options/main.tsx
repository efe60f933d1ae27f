import { render } from 'preact';
render(<h1>Pipeline Scout options</h1>, document.getElementById('app')!);
