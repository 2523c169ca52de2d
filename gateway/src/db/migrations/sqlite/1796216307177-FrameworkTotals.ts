export { FrameworkTotals1796216307177 } from '../framework-totals.js';
