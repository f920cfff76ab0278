/** Follows a sign-in page as a browser would (as `login` at an identity provider), to the app's loopback page. */
export function follow(address: string, login?: string): Promise<{ status: number; text: string }>;
