"""The process data of the demo site (PRC-1..PRC-4): the steps and critical parameters of its master batch records,
its rooms with their sensors and limits, its equipment (one machine out of service, one sealer past its
calibration date, so the refusals can be tried), and which batch runs into trouble: ivc20-b has a pouch seal
temperature out of limits and a temperature excursion in its clean room while its steps run."""

from __future__ import annotations

from app.process_steps import ParameterInput, StepInput

MOULDING = (
    StepInput("Dry the resin in the hopper dryer", "Dryer", [
        ParameterInput("Drying temperature", "°C", "120", "115", "125", "117", "123"),
        ParameterInput("Drying time", "h", "4", "3.5", "6")]),
    StepInput("Mould and check the first 20 parts against the sample", "Injection moulding machine", [
        ParameterInput("Melt temperature", "°C", "290", "280", "300"),
        ParameterInput("Hold pressure", "bar", "600", "550", "650")], needs_verified=True),
)
ASSEMBLY = (
    StepInput("Assemble the devices on the assembly line", "Assembly line", [
        ParameterInput("Line speed", "units/min", "60", "50", "70")]),
    StepInput("Seal the sterile barrier pouches", "Pouch sealer", [
        ParameterInput("Seal temperature", "°C", "180", "170", "190", "174", "186"),
        ParameterInput("Dwell time", "s", "1.5", "1.2", "1.8")], needs_verified=True),
    StepInput("Visual inspection of 50 sealed pouches", None, []),
)


def steps_for(product: str) -> tuple[StepInput, ...]:
    return MOULDING if product.startswith("IM-") else ASSEMBLY


# (code, name, [(sensor, kind, lower, upper)])
ROOMS = (
    ("MH-1", "Moulding hall 1", [("MH1-T", "Temperature", "15", "30"), ("MH1-RH", "Humidity", "20", "70")]),
    ("CR-7", "Assembly clean room 7 (ISO 7)", [("CR7-T", "Temperature", "18", "25"),
                                               ("CR7-RH", "Humidity", "30", "60")]),
    ("CR-8", "Assembly clean room 8 (ISO 7)", [("CR8-T", "Temperature", "18", "25"),
                                               ("CR8-RH", "Humidity", "30", "60")]),
)
NORMAL = {"Temperature": 21.5, "Humidity": 45.0}
EXCURSION_VALUE = 26.4  # °C in CR-8 while ivc20-b's steps run: above the room's 25 °C
READING_MINUTES = 5
MAX_GAP_MINUTES = 15

# (code, name, class, calibration due in days from today (None: needs none), in service)
EQUIPMENT = (
    ("DRY-01", "Hopper dryer 1", "Dryer", 120, True),
    ("IMM-01", "Injection moulding machine 1 (Arburg 470)", "Injection moulding machine", 60, True),
    ("IMM-02", "Injection moulding machine 2 (Arburg 470)", "Injection moulding machine", 90, True),
    ("IMM-03", "Injection moulding machine 3 (Engel e-mac)", "Injection moulding machine", 30, False),
    ("LINE-01", "Syringe and catheter assembly line 1", "Assembly line", None, True),
    ("SEAL-01", "Rotary pouch sealer 1", "Pouch sealer", 45, True),
    ("SEAL-02", "Rotary pouch sealer 2", "Pouch sealer", -3, True),  # past calibration: refused for a step
)
# The equipment a step of each class runs on in the demo.
USED = {"Dryer": "DRY-01", "Injection moulding machine": "IMM-01", "Assembly line": "LINE-01",
        "Pouch sealer": "SEAL-01"}

TROUBLE_BATCH = "ivc20-b"  # the batch with a value out of limits and an excursion
TROUBLE_ROOM = "CR-8"
TROUBLE_VALUE = ("Seal temperature", "193.5")
STOP_AFTER_STEP = {"syr05-c": 1}  # the batch in production: step 1 done, the rest for the user to try

# Spread of the values around target, one per batch in turn: the control charts have something to show.
OFFSETS = ("0", "0.5", "-0.5", "1", "-0.8", "0.3", "-0.2", "0.7", "-1", "0.4", "-0.3", "0.6", "0.1", "-0.6")
