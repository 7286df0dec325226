namespace Portal.E2E;

/// <summary>
/// Every page of a practice's client site, by the route template the application declares for it.
/// PhoneWidthTests must meet exactly these pages at phone width; EndToEndPageListsTests in
/// Portal.Tests (which compiles this file too) fails when the application has a client page this
/// list does not name, or no longer has one it names, so a new page cannot go unchecked.
/// </summary>
internal static class ClientPages
{
    public static readonly IReadOnlyList<string> Routes =
    [
        "/",
        "/portals/choose",
        "/documents",
        "/documents/{clientId:guid}",
        "/documents/{clientId:guid}/notes/{documentId:guid}",
        "/projects",
        "/projects/{id:guid}",
        "/billing",
        "/billing/invoices/{id:guid}",
        "/billing/invoices/{id:guid}/paid",
        "/billing/invoices/{id:guid}/pay-cancelled",
        "/billing/payment-requests/thank-you",
        "/secure-mail/open",
        "/secure-mail/return/{id:guid}",
        "/messages",
        "/messages/new",
        "/messages/{id:guid}",
        "/contact",
        "/contact-details",
        "/tasks",
        "/tasks/{id:guid}",
        "/tasks/link",
        "/account",
        "/account/access-denied",
        "/account/change-password",
        "/account/confirm-email",
        "/account/forgot-password",
        "/account/reset-password",
        "/account/set-password",
        "/account/signin",
        "/account/signin/code",
        "/account/signin/recovery",
        "/account/signout",
        "/account/two-factor",
        "/error/{code:int?}",
    ];
}
