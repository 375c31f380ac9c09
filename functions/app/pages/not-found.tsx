/** @jsxImportSource hono/jsx */
// The 404 a browser gets, in the site's layout (API clients still get JSON, see create-app.ts).
import { MessagePage, render } from './layout';

export const notFoundPage = (message = 'There is no page at this address.') =>
  render(
    <MessagePage title="Page not found">
      <p>{message}</p>
      <p>
        Try the <a href="/archive">past issues</a> or <a href="/">subscribe</a> to get the next one by email.
      </p>
    </MessagePage>,
  );
