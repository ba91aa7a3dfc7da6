// ECharts with only what the dashboards draw (bar charts, grid, tooltip, legend, canvas): loaded with the indicators
// route, and with the role dashboards of the home page (inside their @defer block), never in the initial bundle.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
