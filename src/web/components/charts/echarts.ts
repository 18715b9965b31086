// ECharts, modular: only the charts and components the dashboards draw. Imported dynamically by
// EChart.tsx, so it loads only on pages with a chart (never in the portal or the login page).
import { BarChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, RadarChart, GridComponent, LegendComponent, RadarComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
