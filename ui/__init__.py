"""The Qt desktop interface: widgets, dialogs and item models over the app/ services."""
