/** The token of an `Authorization: Bearer <token>` header, if any. */
export function bearerToken(request: { headers: { authorization?: string } }): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}
