import { data } from "react-router";
import { OrderQuery } from "../graphql/orders";
import { withAuth } from "../lib/auth.server";
import { query } from "../lib/gateway.server";
import { orderWorkbook } from "../lib/order-xlsx.server";
import type { Route } from "./+types/order-export";

/** One order (or draft) as an Excel file. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  return withAuth(request, context, async ({ client }) => {
    const { order } = await query(client, OrderQuery, { id: params.id });
    if (!order) throw data("Заказ не найден", { status: 404 });
    const file = order.isDraft ? `chernovik-${order.id}.xlsx` : `zakaz-${order.number}.xlsx`;
    return new Response(await orderWorkbook(order), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="${file}"`,
      },
    });
  });
}
