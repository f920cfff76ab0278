/** Follows a sign-in page as a browser would, to the app's loopback page. */
export function follow(address: string): Promise<{ status: number; text: string }>;
