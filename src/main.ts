// First: the data requests go out before the app's modules below evaluate (see prefetch.ts).
import './lib/startFetching';
import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');
export default mount(App, { target });
