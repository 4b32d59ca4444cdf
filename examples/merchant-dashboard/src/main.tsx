import { mountExample } from '../../shared/checkout';
import { App } from './App';

mountExample(<App />);
