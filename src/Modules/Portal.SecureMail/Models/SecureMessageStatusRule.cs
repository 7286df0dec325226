using System.Linq.Expressions;

namespace Portal.SecureMail.Models;

/// <summary>
/// The one rule that turns a message's timestamps and payment status into its dashboard status. It is
/// an expression so the sent-items list filters by status in the database with the very rule the page
/// shows (<see cref="SecureMessage.Status"/> runs its compiled form): an end (revoked) or a payment
/// outcome wins, then a lock, the opens used up, expiry and a failed send, then the furthest step of delivery.
/// </summary>
public static class SecureMessageStatusRule
{
    public static readonly Expression<Func<SecureMessage, DateTime, SecureMessageStatus>> Rule = (m, now) =>
        m.RevokedAt != null ? SecureMessageStatus.Revoked
        : m.PaymentStatus == SecureMessagePaymentStatus.Refunded ? SecureMessageStatus.Refunded
        : m.PaymentStatus == SecureMessagePaymentStatus.PartlyRefunded ? SecureMessageStatus.PartlyRefunded
        : m.PaymentStatus == SecureMessagePaymentStatus.Paid ? SecureMessageStatus.Paid
        : m.LockedAt != null ? SecureMessageStatus.Locked
        : m.MaxOpens != null && m.OpenCount >= m.MaxOpens ? SecureMessageStatus.OpensUsed
        : m.ExpiresAt <= now ? SecureMessageStatus.Expired
        : m.FailedAt != null ? SecureMessageStatus.Failed
        : m.UnlockedAt != null ? SecureMessageStatus.Unlocked
        : m.OpenedAt != null ? SecureMessageStatus.Opened
        : m.DeliveredAt != null ? SecureMessageStatus.Delivered
        : SecureMessageStatus.Sent;

    private static readonly Func<SecureMessage, DateTime, SecureMessageStatus> Compiled = Rule.Compile();

    public static SecureMessageStatus Of(SecureMessage message, DateTime now) => Compiled(message, now);

    /// <summary>"Has <paramref name="status"/> at <paramref name="now"/>", for a query; <paramref name="now"/> is sent as a parameter.</summary>
    public static Expression<Func<SecureMessage, bool>> Is(SecureMessageStatus status, DateTime now)
    {
        var message = Rule.Parameters[0];
        var at = new Moment(now);
        var body = new ReplaceParameter(Rule.Parameters[1], Expression.Property(Expression.Constant(at), nameof(Moment.Value))).Visit(Rule.Body);
        return Expression.Lambda<Func<SecureMessage, bool>>(Expression.Equal(body, Expression.Constant(status)), message);
    }

    /// <summary>Holds "now" so the query carries it as a parameter (a captured value), not a literal per call.</summary>
    private sealed class Moment(DateTime value)
    {
        public DateTime Value { get; } = value;
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
