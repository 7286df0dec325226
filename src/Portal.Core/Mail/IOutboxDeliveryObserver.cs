namespace Portal.Core.Mail;

/// <summary>
/// Told when an outbox message reached the mail server (<see cref="OutboxState.Sent"/>) or was given up
/// (<see cref="OutboxState.Failed"/>, after the send job's last attempt), in the send job's unit of work.
/// A module that must show delivery (secure e-mail's "delivered to the mail server") registers one and
/// picks out its own messages by id or template. Called after the outbox row is saved; an observer that
/// throws is logged, never undoes the send.
/// </summary>
public interface IOutboxDeliveryObserver
{
    Task OnDeliveryAsync(OutboxMessage message, CancellationToken cancellationToken);
}
