import { localize } from './page.js';

localize();
