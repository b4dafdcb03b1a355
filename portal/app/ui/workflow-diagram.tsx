import { readableTextOn } from "../lib/format";
import type { Diagram } from "../lib/workflow-diagram.server";

const PROBLEM = "#b42318";
const LINE = "#475467";

const d = (path: [number, number][]) => path.map(([x, y], i) => `${i ? "L" : "M"}${x} ${y}`).join(" ");

/** A problem number in a red circle, tied to the numbered problem list under the diagram. */
function Badge({ x, y, n }: { x: number; y: number; n: number }) {
  return (
    <g>
      <circle cx={x} cy={y} r={10} fill={PROBLEM} />
      <text x={x} y={y + 4} textAnchor="middle" fontSize={12} fontWeight={700} fill="#ffffff">
        {n}
      </text>
    </g>
  );
}

/**
 * The workflow drawn from its server-side layout: statuses in their colours (final ones with a
 * double border), transitions as arrows labelled with their button and who fires them (system
 * moves dashed), and problems marked in red with their numbers.
 */
export function WorkflowDiagram({ diagram, title }: { diagram: Diagram; title: string }) {
  const { width, height } = diagram;
  return (
    <svg
      className="wf-diagram"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby="wf-diagram-title"
    >
      <title id="wf-diagram-title">{title}</title>
      <defs>
        <marker id="wf-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto">
          <path d="M0 0 L10 5 L0 10 z" fill={LINE} />
        </marker>
        <marker id="wf-arrow-bad" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto">
          <path d="M0 0 L10 5 L0 10 z" fill={PROBLEM} />
        </marker>
      </defs>
      {diagram.start ? (
        <g>
          <rect
            x={diagram.start.x}
            y={diagram.start.y}
            width={diagram.start.width}
            height={diagram.start.height}
            rx={15}
            fill="#f2f4f7"
            stroke={LINE}
          />
          <text
            x={diagram.start.x + diagram.start.width / 2}
            y={diagram.start.y + 19}
            textAnchor="middle"
            fontSize={12}
            fill="#101828"
          >
            Отправка черновика
          </text>
        </g>
      ) : null}
      {diagram.edges.map((e) => {
        const bad = e.problems.length > 0;
        return (
          <g key={e.id} className={bad ? "wf-edge wf-edge--problem" : "wf-edge"}>
            {e.title ? <title>{e.title}</title> : null}
            <path
              d={d(e.path)}
              fill="none"
              stroke={bad ? PROBLEM : LINE}
              strokeWidth={bad ? 2.5 : 1.5}
              strokeDasharray={e.system ? "6 4" : undefined}
              markerEnd={bad ? "url(#wf-arrow-bad)" : "url(#wf-arrow)"}
            />
            {e.lines.length ? (
              <g>
                <rect
                  x={e.labelX - 2}
                  y={e.labelY - 1}
                  width={e.labelWidth + 4}
                  height={e.labelHeight + 2}
                  rx={3}
                  fill="#ffffff"
                  fillOpacity={0.92}
                  stroke={bad ? PROBLEM : "none"}
                />
                {e.lines.map((line, i) => (
                  <text
                    key={line}
                    x={e.labelX + 3}
                    y={e.labelY + 12 + i * 14}
                    fontSize={11}
                    fill={i === 0 ? "#101828" : "#475467"}
                  >
                    {line}
                  </text>
                ))}
                {e.problems.map((n, i) => (
                  <Badge key={n} x={e.labelX + e.labelWidth + 12 + i * 22} y={e.labelY + 8} n={n} />
                ))}
              </g>
            ) : null}
          </g>
        );
      })}
      {diagram.nodes.map((n) => {
        const bad = n.problems.length > 0;
        const text = readableTextOn(n.color);
        return (
          <g key={n.id} className={bad ? "wf-node wf-node--problem" : "wf-node"} data-status={n.code}>
            {bad ? (
              <rect
                x={n.x - 5}
                y={n.y - 5}
                width={n.width + 10}
                height={n.height + 10}
                rx={12}
                fill="#fef3f2"
                stroke={PROBLEM}
                strokeWidth={2.5}
                strokeDasharray="7 4"
              />
            ) : null}
            <rect
              x={n.x}
              y={n.y}
              width={n.width}
              height={bad ? 50 : n.height}
              rx={8}
              fill={n.color}
              stroke={n.final ? "#101828" : "none"}
              strokeWidth={n.final ? 3 : 0}
            />
            {n.final ? (
              <rect
                x={n.x + 4}
                y={n.y + 4}
                width={n.width - 8}
                height={42}
                rx={6}
                fill="none"
                stroke={text}
                strokeOpacity={0.6}
              />
            ) : null}
            <text x={n.x + n.width / 2} y={n.y + 22} textAnchor="middle" fontSize={14} fontWeight={700} fill={text}>
              {n.label || "(без названия)"}
            </text>
            <text
              x={n.x + n.width / 2}
              y={n.y + 38}
              textAnchor="middle"
              fontSize={11}
              fill={text}
              fontFamily="monospace"
            >
              {n.code}
            </text>
            {n.flags.length ? (
              <text
                x={n.x + n.width / 2}
                y={n.y + 62}
                textAnchor="middle"
                fontSize={12}
                fontWeight={700}
                fill={PROBLEM}
              >
                {`⚠ ${n.flags.join(", ")}`}
              </text>
            ) : null}
            {n.problems.map((p, i) => (
              <Badge key={p} x={n.x + n.width - i * 22} y={n.y} n={p} />
            ))}
          </g>
        );
      })}
    </svg>
  );
}
