"""Label printing: versioned templates, ZPL II and TSPL drivers, transports, the print queue, previews."""
