import { z } from "zod";
import { ROLES } from "../domain";
import { idSchema } from "./common";

export const roleChangeSchema = z.object({
  userId: idSchema,
  role: z.enum(ROLES, { error: "Pick organizer, judge or employee." }),
});

export const personSchema = z.object({ userId: idSchema });
