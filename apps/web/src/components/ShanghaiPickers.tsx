import { DatePicker } from 'antd';
import type { CSSProperties, KeyboardEvent } from 'react';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

/** The form value of a date-time field: Shanghai wall time as `2030-06-30T18:00` (what `shanghaiLocalToIso` reads). */
const VALUE_TIME = 'YYYY-MM-DDTHH:mm';
/** The form value of a date field: `2030-06-30`. */
const VALUE_DATE = 'YYYY-MM-DD';

interface PickerProps {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  style?: CSSProperties;
  placeholder?: string;
}

/**
 * Enter takes the typed text into the picker; it must not also submit the form
 * around it (the browser's implicit submission), which would save a half-filled form.
 */
const keepEnterInPicker = (event: KeyboardEvent<HTMLElement>) => {
  if (event.key === 'Enter') event.preventDefault();
};

/** A wall-clock string as a picker value: parsed as is, so the browser's own zone never shifts it. */
function toDayjs(value: string | undefined, format: string): Dayjs | null {
  if (!value) return null;
  const parsed = dayjs(value, format, true);
  return parsed.isValid() ? parsed : null;
}

/**
 * A date and time in 24-hour zh-CN form (`2030-06-30 18:00`), for a form field
 * whose value stays the Shanghai wall-time string of `datetime-local` inputs.
 * Typing the text and pressing Enter works as well as picking.
 */
export function ShanghaiDateTimePicker({ value, onChange, id, style, placeholder = '选择日期时间' }: PickerProps) {
  return (
    <DatePicker
      id={id}
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      value={toDayjs(value, VALUE_TIME)}
      onChange={(d) => onChange?.(d ? d.format(VALUE_TIME) : '')}
      style={{ width: '100%', maxWidth: 260, ...style }}
      placeholder={placeholder}
      needConfirm={false}
      onKeyDown={keepEnterInPicker}
    />
  );
}

/** A date (`2030-06-30`) with optional bounds, for a form field whose value stays the `YYYY-MM-DD` string. */
export function ShanghaiDatePicker({
  value,
  onChange,
  id,
  style,
  placeholder = '选择日期',
  min,
  max,
}: PickerProps & { min?: string; max?: string }) {
  return (
    <DatePicker
      id={id}
      format={VALUE_DATE}
      value={toDayjs(value, VALUE_DATE)}
      onChange={(d) => onChange?.(d ? d.format(VALUE_DATE) : '')}
      disabledDate={(d) => {
        const day = d.format(VALUE_DATE);
        return (!!min && day < min) || (!!max && day > max);
      }}
      style={{ width: '100%', maxWidth: 200, ...style }}
      placeholder={placeholder}
      onKeyDown={keepEnterInPicker}
    />
  );
}
