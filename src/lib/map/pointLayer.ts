/**
 * The items' points, drawn by the GPU in one draw call (a MapLibre custom layer).
 *
 * Why: with the points in a MapLibre circle layer, a filter change is `setFilter`, and MapLibre
 * rebuilds every loaded tile of the source in its worker (1.5–2 s CPU at 100k items) and draws
 * frames as tiles arrive. Here a filter change is one byte per point uploaded to the GPU and one
 * redraw; the year's status is the same (one byte per point). Tiles are never touched, so the
 * first zoom after a filter costs what it costs without one.
 *
 * What stays MapLibre's: the `items-point` circle layer keeps the points in the tiles, drawn with
 * opacity 0 (MapLibre skips drawing it), so "what is under the pointer" is still MapLibre's
 * hit-test with the same radii (the controller drops hidden items from its answer).
 *
 * Looks: the circle of POINT_STYLE (itemLayers.ts), as MapLibre's circle shader draws it (stroke
 * outside the radius, one device pixel of antialiasing, premultiplied colour).
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MlMap } from 'maplibre-gl';
import { MercatorCoordinate } from 'maplibre-gl';
import { ITEM_LAYERS, POINT_STYLE } from './itemLayers';

/** One point as the controller hands it over (in the datum the map draws in). */
export interface GpuPoint {
  /** Index of the item in the app's item list (the FilterIndex bit). */
  item: number;
  lngLat: readonly [number, number];
  /** The category colour, `#rrggbb`. */
  colour: string;
}

/** Status → the byte the shader reads: completed 0, under way 1, anything else (planned, none) 2. */
export function statusCode(status: string | undefined): number {
  return status === 'completed' ? 0 : status === 'under_way' ? 1 : 2;
}

/** `#rrggbb` → [r, g, b] bytes. */
export function rgbBytes(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export interface PackedPoints {
  /** Mercator [0..1] of the point nearest the middle of the rest: float32 offsets from it keep sub-millimetre precision. */
  origin: [number, number];
  /** x, y per point: mercator minus origin. */
  offsets: Float32Array;
  /** r, g, b, 255 per point. */
  colours: Uint8Array;
  /** Item index per point (point → item). */
  items: Int32Array;
}

/** The per-point buffers for `points`, in their order (later points draw on top, as in a circle layer). */
export function packPoints(points: readonly GpuPoint[]): PackedPoints {
  const n = points.length;
  const mx = new Float64Array(n);
  const my = new Float64Array(n);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  points.forEach((p, i) => {
    const m = MercatorCoordinate.fromLngLat({ lng: p.lngLat[0], lat: p.lngLat[1] });
    mx[i] = m.x;
    my[i] = m.y;
    minX = Math.min(minX, m.x), maxX = Math.max(maxX, m.x), minY = Math.min(minY, m.y), maxY = Math.max(maxY, m.y);
  });
  const origin: [number, number] = n ? [(minX + maxX) / 2, (minY + maxY) / 2] : [0, 0];
  const offsets = new Float32Array(n * 2);
  const colours = new Uint8Array(n * 4);
  const items = new Int32Array(n);
  points.forEach((p, i) => {
    offsets[2 * i] = mx[i] - origin[0];
    offsets[2 * i + 1] = my[i] - origin[1];
    colours.set([...rgbBytes(p.colour), 255], 4 * i);
    items[i] = p.item;
  });
  return { origin, offsets, colours, items };
}

/**
 * Each point is a quad of four vertices of its own (not an instance of one quad): with software
 * WebGL (SwiftShader, what a GPU-less machine and this project's tests and bench run on) an
 * instanced draw costs about as much per instance as a draw call, 5× the same quads drawn from one
 * index buffer (measured: 100,000 points 1,960 → 387 ms a frame; 10,000 196 → 86 ms). Vertex
 * 4k + c is corner c of point k; the shader takes both from gl_VertexID, so only the per-point
 * attributes are repeated per vertex.
 */
export const VERTICES_PER_POINT = 4;

/** `per point` values of `size` components each, repeated for the point's four vertices. */
export function perVertex<T extends Uint8Array | Float32Array>(src: T, size: number, out?: T): T {
  const n = src.length / size;
  const dst = out ?? (new (src.constructor as { new (n: number): T })(src.length * VERTICES_PER_POINT));
  for (let k = 0; k < n; k++) {
    for (let v = 0; v < VERTICES_PER_POINT; v++) {
      const at = (k * VERTICES_PER_POINT + v) * size;
      for (let c = 0; c < size; c++) dst[at + c] = src[k * size + c];
    }
  }
  return dst;
}

/** Two triangles per point over its four vertices (corner c = x bit | y bit << 1). */
export function quadIndices(n: number): Uint32Array {
  const out = new Uint32Array(n * 6);
  for (let k = 0; k < n; k++) {
    const v = k * VERTICES_PER_POINT;
    out.set([v, v + 1, v + 2, v + 1, v + 3, v + 2], k * 6);
  }
  return out;
}

/** One byte per point: 1 where the point's item bit is set in `bits` (null = all shown). */
export function visibleBytes(bits: Uint32Array | null, items: Int32Array, out = new Uint8Array(items.length)): Uint8Array {
  for (let k = 0; k < items.length; k++) {
    const i = items[k];
    out[k] = bits === null || ((bits[i >>> 5] >>> (i & 31)) & 1) === 1 ? 1 : 0;
  }
  return out;
}

/** `m` (column-major 4×4) times a translation by (x, y, 0), in float64. */
export function translated(m: ArrayLike<number>, x: number, y: number): Float64Array {
  const out = Float64Array.from(m as ArrayLike<number>);
  for (let r = 0; r < 4; r++) out[12 + r] = m[r] * x + m[4 + r] * y + m[12 + r];
  return out;
}

const VERTEX = `#version 300 es
precision highp float;
layout(location = 1) in vec2 a_offset;
layout(location = 2) in vec4 a_colour;
layout(location = 3) in float a_status;
layout(location = 4) in float a_visible;
uniform mat4 u_matrix;
uniform vec2 u_px_to_clip;
uniform float u_aa;
uniform int u_hover;
uniform int u_selected;
uniform vec2 u_radius;        // normal, emphasised
uniform vec3 u_stroke;        // by status
uniform float u_stroke_em;
uniform vec3 u_fill_opacity;  // by status
uniform vec3 u_selected_stroke;
out vec2 v_px;
out float v_r;
out float v_w;
out float v_aa;
out vec4 v_fill;
out vec4 v_stroke;
void main() {
  if (a_visible < 0.5) {
    gl_Position = vec4(-2.0, -2.0, 0.0, 1.0); // outside the clip volume: nothing is drawn
    return;
  }
  int point = gl_VertexID >> 2;
  int k = gl_VertexID & 3;
  vec2 a_corner = vec2(float(k & 1), float(k >> 1)) * 2.0 - 1.0;
  int st = int(a_status + 0.5);
  bool sel = point == u_selected;
  bool em = sel || point == u_hover;
  float r = em ? u_radius.y : u_radius.x;
  float w = em ? u_stroke_em : u_stroke[st];
  vec3 cat = a_colour.rgb;
  float fa = u_fill_opacity[st];
  v_fill = vec4((st == 2 ? vec3(1.0) : cat) * fa, fa);
  v_stroke = vec4(sel ? u_selected_stroke : (st == 0 ? vec3(1.0) : cat), 1.0);
  float R = r + w + 1.0;
  vec4 c = u_matrix * vec4(a_offset, 0.0, 1.0);
  gl_Position = c + vec4(a_corner * R * u_px_to_clip * c.w, 0.0, 0.0);
  v_px = a_corner * R;
  v_r = r;
  v_w = w;
  v_aa = u_aa;
}`;

const FRAGMENT = `#version 300 es
precision mediump float;
in vec2 v_px;
in float v_r;
in float v_w;
in float v_aa;
in vec4 v_fill;
in vec4 v_stroke;
out vec4 fragColor;
void main() {
  float d = length(v_px);
  float outer = 1.0 - smoothstep(v_r + v_w - v_aa, v_r + v_w, d);
  float toStroke = v_w < 0.01 ? 0.0 : smoothstep(v_r - v_aa, v_r, d);
  vec4 c = outer * mix(v_fill, v_stroke, toStroke);
  if (c.a <= 0.0) discard;
  fragColor = c;
}`;

const UNIFORMS = ['u_matrix', 'u_px_to_clip', 'u_aa', 'u_hover', 'u_selected', 'u_radius', 'u_stroke', 'u_stroke_em', 'u_fill_opacity', 'u_selected_stroke'] as const;
type Uniform = (typeof UNIFORMS)[number];

interface Gl {
  program: WebGLProgram;
  vao: WebGLVertexArrayObject;
  indices: WebGLBuffer;
  offsets: WebGLBuffer;
  colours: WebGLBuffer;
  status: WebGLBuffer;
  visible: WebGLBuffer;
  at: Record<Uniform, WebGLUniformLocation | null>;
}

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const s = gl.createShader(type)!;
  gl.shaderSource(s, source);
  gl.compileShader(s);
  if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`point layer shader: ${gl.getShaderInfoLog(s)}`);
  return s;
}

/** The custom layer. The controller feeds it; it keeps CPU copies so a lost GL context can be rebuilt. */
export class PointLayer implements CustomLayerInterface {
  readonly id = ITEM_LAYERS.pointGpu;
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  #map: MlMap | null = null;
  #gl: Gl | null = null;
  #packed: PackedPoints = packPoints([]);
  #status = new Uint8Array(0);
  #visible = new Uint8Array(0);
  /** Item index → point index, -1 for items without a point. */
  #pointOf = new Int32Array(0);
  /** Scratch for one byte per vertex (status or visibility on its way to the GPU). */
  #perVertex = new Uint8Array(0);
  #hover = -1;
  #selected = -1;
  /** Which buffers changed since the last upload. */
  #dirty = { points: true, status: true, visible: true };

  /** New points (a new dataset or another datum); status and visibility start as "planned", all shown. */
  setPoints(points: readonly GpuPoint[], itemCount: number): void {
    this.#packed = packPoints(points);
    const n = points.length;
    this.#status = new Uint8Array(n).fill(2);
    this.#visible = new Uint8Array(n).fill(1);
    this.#pointOf = new Int32Array(itemCount).fill(-1);
    this.#packed.items.forEach((item, k) => (this.#pointOf[item] = k));
    this.#dirty = { points: true, status: true, visible: true };
    this.#repaint();
  }

  /** The status shown per point, from each point's item (`statusOf(item)`). */
  setStatuses(statusOf: (item: number) => string | undefined): void {
    const items = this.#packed.items;
    for (let k = 0; k < items.length; k++) this.#status[k] = statusCode(statusOf(items[k]));
    this.#dirty.status = true;
    this.#repaint();
  }

  /** Which items show (a FilterIndex bitset over item indices; null = all). */
  setVisible(bits: Uint32Array | null): void {
    visibleBytes(bits, this.#packed.items, this.#visible);
    this.#dirty.visible = true;
    this.#repaint();
  }

  /** The hovered and selected items (item indices, -1 = none): drawn larger, the selected one with a dark ring. */
  setEmphasis(hoverItem: number, selectedItem: number): void {
    const at = (i: number) => (i >= 0 && i < this.#pointOf.length ? this.#pointOf[i] : -1);
    const [h, s] = [at(hoverItem), at(selectedItem)];
    if (h === this.#hover && s === this.#selected) return;
    this.#hover = h;
    this.#selected = s;
    this.#repaint();
  }

  /** Whether the point of item `i` is drawn (tests and hit-testing read the same bytes the GPU does). */
  isDrawn(item: number): boolean {
    const k = item >= 0 && item < this.#pointOf.length ? this.#pointOf[item] : -1;
    return k >= 0 && this.#visible[k] === 1;
  }

  /** The status the point of item `i` is drawn with (statusCode), or -1 when the item has no point. */
  statusDrawn(item: number): number {
    const k = item >= 0 && item < this.#pointOf.length ? this.#pointOf[item] : -1;
    return k >= 0 ? this.#status[k] : -1;
  }

  /** Number of points drawn (visible). */
  drawnCount(): number {
    let n = 0;
    for (const v of this.#visible) n += v;
    return n;
  }

  #repaint(): void {
    this.#map?.triggerRepaint();
  }

  onAdd(map: MlMap, gl: WebGL2RenderingContext): void {
    this.#map = map;
    map.on('webglcontextlost', this.#lost);
    this.#init(gl);
  }

  readonly #lost = () => {
    this.#gl = null;
  };

  onRemove(map: MlMap, gl: WebGL2RenderingContext): void {
    map.off('webglcontextlost', this.#lost);
    if (!gl.isContextLost()) this.#free(gl);
    this.#map = null;
  }

  #init(gl: WebGL2RenderingContext): void {
    const program = gl.createProgram()!;
    gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX));
    gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`point layer program: ${gl.getProgramInfoLog(program)}`);
    const at = Object.fromEntries(UNIFORMS.map((u) => [u, gl.getUniformLocation(program, u)])) as Gl['at'];
    const vao = gl.createVertexArray()!;
    gl.bindVertexArray(vao);
    const buffer = (location: number, size: number, type: number, normalised: boolean) => {
      const b = gl.createBuffer()!;
      gl.bindBuffer(gl.ARRAY_BUFFER, b);
      gl.enableVertexAttribArray(location);
      gl.vertexAttribPointer(location, size, type, normalised, 0, 0);
      return b;
    };
    const offsets = buffer(1, 2, gl.FLOAT, false);
    const colours = buffer(2, 4, gl.UNSIGNED_BYTE, true);
    const status = buffer(3, 1, gl.UNSIGNED_BYTE, false);
    const visible = buffer(4, 1, gl.UNSIGNED_BYTE, false);
    const indices = gl.createBuffer()!;
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indices); // part of the vertex array's state
    gl.bindVertexArray(null);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    this.#gl = { program, vao, indices, offsets, colours, status, visible, at };
    this.#dirty = { points: true, status: true, visible: true };
  }

  #free(gl: WebGL2RenderingContext): void {
    const g = this.#gl;
    if (!g) return;
    for (const b of [g.indices, g.offsets, g.colours, g.status, g.visible]) gl.deleteBuffer(b);
    gl.deleteVertexArray(g.vao);
    gl.deleteProgram(g.program);
    this.#gl = null;
  }

  /**
   * Sends what changed to the GPU (the vertex array bound): whole buffers for new points, otherwise
   * the status or visibility bytes (one per vertex, four per point).
   */
  #upload(gl: WebGL2RenderingContext, g: Gl): void {
    const put = (b: WebGLBuffer, data: ArrayBufferView, whole: boolean) => {
      gl.bindBuffer(gl.ARRAY_BUFFER, b);
      if (whole) gl.bufferData(gl.ARRAY_BUFFER, data, gl.DYNAMIC_DRAW);
      else gl.bufferSubData(gl.ARRAY_BUFFER, 0, data);
    };
    const whole = this.#dirty.points;
    const n = this.#packed.items.length;
    if (whole) {
      put(g.offsets, perVertex(this.#packed.offsets, 2), true);
      put(g.colours, perVertex(this.#packed.colours, 4), true);
      gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, quadIndices(n), gl.STATIC_DRAW);
      this.#perVertex = new Uint8Array(n * VERTICES_PER_POINT);
    }
    if (whole || this.#dirty.status) put(g.status, perVertex(this.#status, 1, this.#perVertex), whole);
    if (whole || this.#dirty.visible) put(g.visible, perVertex(this.#visible, 1, this.#perVertex), whole);
    gl.bindBuffer(gl.ARRAY_BUFFER, null);
    this.#dirty = { points: false, status: false, visible: false };
  }

  render(gl: WebGL2RenderingContext, args: CustomRenderMethodInput): void {
    const n = this.#packed.items.length;
    if (!n) return;
    if (gl.isContextLost()) return;
    // After a lost and restored context the old program and buffers are gone: build them again.
    if (!this.#gl) this.#init(gl);
    const g = this.#gl!;
    gl.useProgram(g.program);
    gl.bindVertexArray(g.vao);
    this.#upload(gl, g);
    const [ox, oy] = this.#packed.origin;
    gl.uniformMatrix4fv(g.at.u_matrix, false, new Float32Array(translated(args.defaultProjectionData.mainMatrix as ArrayLike<number>, ox, oy)));
    const dpr = this.#map?.getPixelRatio() ?? 1;
    gl.uniform2f(g.at.u_px_to_clip, (2 * dpr) / gl.drawingBufferWidth, (2 * dpr) / gl.drawingBufferHeight);
    gl.uniform1f(g.at.u_aa, 1 / dpr);
    gl.uniform1i(g.at.u_hover, this.#hover);
    gl.uniform1i(g.at.u_selected, this.#selected);
    const P = POINT_STYLE;
    gl.uniform2f(g.at.u_radius, P.radius, P.radiusEmphasised);
    gl.uniform3f(g.at.u_stroke, ...P.strokeWidth);
    gl.uniform1f(g.at.u_stroke_em, P.strokeWidthEmphasised);
    gl.uniform3f(g.at.u_fill_opacity, ...P.fillOpacity);
    gl.uniform3f(g.at.u_selected_stroke, ...(rgbBytes(P.selectedStroke).map((x) => x / 255) as [number, number, number]));
    gl.drawElements(gl.TRIANGLES, n * 6, gl.UNSIGNED_INT, 0);
    gl.bindVertexArray(null);
  }
}
