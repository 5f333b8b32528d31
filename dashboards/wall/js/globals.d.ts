// Globals defined by the classic <script> tags the pages load before their modules; typed from the npm packages the
// server build copies them from (see OperationsCenter.Server.csproj, CopyWallLibraries).
import type * as SignalR from '@microsoft/signalr';
import type UPlot from 'uplot';

declare global {
  /** @microsoft/signalr's browser bundle, lib/signalr.min.js: `new signalR.HubConnectionBuilder()`. */
  const signalR: typeof SignalR;

  /**
   * uPlot's IIFE bundle, lib/uPlot.iife.min.js: `new uPlot(options, data, element)`. The type `uPlot` is a chart
   * instance; its option types are `import('uplot').Options`, `import('uplot').Series` and so on.
   */
  const uPlot: typeof UPlot;
  type uPlot = UPlot;
}
