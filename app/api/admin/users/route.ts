import { NextResponse } from "next/server";
import { userCreateSchema } from "@/lib/schemas/user";
import { parseJsonBody, withRoute } from "@/lib/server/route-handler";
import { createUser } from "@/lib/server/users/create-user";
import { listUsers } from "@/lib/server/users/list-users";

export const GET = withRoute({ name: "listUsers", permission: "users.manage" }, async ({ actor }) =>
  NextResponse.json({ users: await listUsers({ actor }) }),
);

export const POST = withRoute({ name: "createUser", permission: "users.manage" }, async ({ actor, request, meta }) => {
  const input = await parseJsonBody(request, userCreateSchema);
  const user = await createUser({ actor, input, meta });
  return NextResponse.json({ user }, { status: 201 });
});
