"""Running the service: deadlines, admission, the load gate, probes, metrics, request ids and logs."""
