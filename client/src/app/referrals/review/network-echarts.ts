// Only what the referral network draws: ECharts' core, the graph series, its tooltip and the SVG renderer. Imported
// lazily by the chart (provideEchartsCore), so that it never enters the initial bundle.
import * as echarts from 'echarts/core';
import { GraphChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([GraphChart, TooltipComponent, SVGRenderer]);

export { echarts };
